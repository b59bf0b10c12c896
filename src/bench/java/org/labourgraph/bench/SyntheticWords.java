package org.labourgraph.bench;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The words a synthetic thesaurus is made of: French and English labels built from parallel word lists
 * (with accents), person names, and slugs. Every label is a pure function of an index, one-to-one, so
 * labels never repeat across concepts (the shapes require it) and nothing has to be remembered while the
 * file streams out. The seed only shuffles the lists.
 */
final class SyntheticWords {
    /** A noun in both languages; {@code feminine} picks the French adjective's form. */
    private record Noun(String fr, String en, boolean feminine) {}

    private record Adjective(String frMasculine, String frFeminine, String en) {}

    private record Phrase(String fr, String en) {}

    private static final List<Noun> NOUNS = List.of(
            new Noun("travail", "labour", false), new Noun("tâche", "task", true), new Noun("main-d'œuvre", "workforce", true),
            new Noun("modération", "moderation", true), new Noun("étiquetage", "labelling", false),
            new Noun("transcription", "transcribing", true), new Noun("rémunération", "pay", true),
            new Noun("emploi", "employment", false), new Noun("activité", "activity", true), new Noun("contrat", "contract", false),
            new Noun("sous-traitance", "subcontracting", true), new Noun("externalisation", "outsourcing", true),
            new Noun("surveillance", "monitoring", true), new Noun("évaluation", "rating", true), new Noun("exploitation", "exploitation", true),
            new Noun("coopérative", "cooperative", true), new Noun("syndicat", "union", false), new Noun("grève", "strike", true),
            new Noun("salaire", "wage", false), new Noun("précarité", "precarity", true), new Noun("fragmentation", "fragmentation", true),
            new Noun("vérification", "verification", true), new Noun("traduction", "translation", true),
            new Noun("nettoyage de données", "data cleaning", false), new Noun("capital", "capital", false),
            new Noun("extraction", "extraction", true), new Noun("plateforme", "platform", true), new Noun("algorithme", "algorithm", false),
            new Noun("gestion", "management", true), new Noun("résistance", "resistance", true));

    private static final List<Adjective> ADJECTIVES = List.of(
            new Adjective("précaire", "précaire", "precarious"), new Adjective("fragmenté", "fragmentée", "fragmented"),
            new Adjective("invisibilisé", "invisibilisée", "invisibilised"), new Adjective("gratuit", "gratuite", "unpaid"),
            new Adjective("numérique", "numérique", "digital"), new Adjective("algorithmique", "algorithmique", "algorithmic"),
            new Adjective("délocalisé", "délocalisée", "offshored"), new Adjective("collectif", "collective", "collective"),
            new Adjective("émotionnel", "émotionnelle", "emotional"), new Adjective("à la demande", "à la demande", "on-demand"),
            new Adjective("féminisé", "féminisée", "feminised"), new Adjective("informel", "informelle", "informal"),
            new Adjective("flexible", "flexible", "flexible"), new Adjective("automatisé", "automatisée", "automated"),
            new Adjective("indépendant", "indépendante", "independent"), new Adjective("domestique", "domestique", "domestic"),
            new Adjective("créatif", "créative", "creative"), new Adjective("répétitif", "répétitive", "repetitive"),
            new Adjective("nocturne", "nocturne", "night-time"), new Adjective("saisonnier", "saisonnière", "seasonal"),
            new Adjective("juvénile", "juvénile", "youth"), new Adjective("migrant", "migrante", "migrant"),
            new Adjective("éthique", "éthique", "ethical"), new Adjective("hybride", "hybride", "hybrid"),
            new Adjective("intensif", "intensive", "intensive"), new Adjective("clandestin", "clandestine", "undeclared"));

    private static final List<Phrase> COMPLEMENTS = List.of(
            new Phrase("des plateformes", "on platforms"), new Phrase("du clic", "of clicking"), new Phrase("à la pièce", "by the piece"),
            new Phrase("en ligne", "online"), new Phrase("des réseaux sociaux", "on social networks"),
            new Phrase("de l'intelligence artificielle", "for artificial intelligence"), new Phrase("des données", "of data"),
            new Phrase("des entrepôts", "in warehouses"), new Phrase("de livraison", "in delivery"),
            new Phrase("des centres d'appels", "in call centres"), new Phrase("du jeu vidéo", "in video games"),
            new Phrase("de la mode", "in fashion"), new Phrase("des médias", "in the media"), new Phrase("à domicile", "at home"),
            new Phrase("des start-up", "in start-ups"), new Phrase("de l'économie collaborative", "in the sharing economy"),
            new Phrase("des véhicules autonomes", "for self-driving cars"), new Phrase("de la reconnaissance vocale", "for speech recognition"),
            new Phrase("de la santé", "in health care"), new Phrase("de l'éducation", "in education"));

    private static final List<Phrase> PLACES = List.of(
            new Phrase("au Québec", "in Quebec"), new Phrase("en France", "in France"), new Phrase("au Kenya", "in Kenya"),
            new Phrase("en Inde", "in India"), new Phrase("aux Philippines", "in the Philippines"), new Phrase("au Brésil", "in Brazil"),
            new Phrase("au Vénézuela", "in Venezuela"), new Phrase("à Madagascar", "in Madagascar"), new Phrase("en Ouganda", "in Uganda"),
            new Phrase("au Mexique", "in Mexico"), new Phrase("en Égypte", "in Egypt"), new Phrase("au Sénégal", "in Senegal"),
            new Phrase("en Colombie", "in Colombia"), new Phrase("au Nigéria", "in Nigeria"), new Phrase("en Indonésie", "in Indonesia"),
            new Phrase("au Pakistan", "in Pakistan"), new Phrase("en Argentine", "in Argentina"), new Phrase("au Bangladesh", "in Bangladesh"),
            new Phrase("en Éthiopie", "in Ethiopia"), new Phrase("au Viêt Nam", "in Vietnam"), new Phrase("en Tunisie", "in Tunisia"),
            new Phrase("au Pérou", "in Peru"), new Phrase("en Haïti", "in Haiti"), new Phrase("au Cameroun", "in Cameroon"));

    private static final List<String> GIVEN_NAMES = List.of("Hélène", "Éric", "Zoé", "Amélie", "Jérôme", "Noémie", "François",
            "Chloé", "Gaëlle", "Raphaël", "Léa", "Josée", "André", "Inès", "Aurélie", "Benoît", "Cécile", "Maëlle", "Clément",
            "Ngozi", "Ayşe", "Jürgen", "Søren", "María", "José", "Łukasz", "Kenji", "Thandiwe", "Nguyễn", "Oluwaseun",
            "Dolorès", "Anaïs", "Loïc", "Björn", "Zsófia", "Tomás", "Priya", "Camille", "Siobhán", "Joël");

    private static final List<String> FAMILY_NAMES = List.of("Côté", "Bélanger", "Lévesque", "Gagné", "Bérubé", "Thériault",
            "Ménard", "Poirier", "Desrosiers", "Fréchette", "Müller", "Núñez", "Østergaard", "Kowalczyk", "Şahin", "Adébáyọ̀",
            "Mbeki", "Okonkwo", "Ramírez", "Gonçalves", "Dvořák", "Hernández", "Nakamura", "Pérez", "Åberg", "Lefèvre",
            "Giráldez", "Chávez", "Çelik", "Ødegaard", "Mäkinen", "Bouchard", "Tremblay", "Saïdi", "Benoît", "Émond",
            "Ngũgĩ", "Kaczmarek", "Lindström", "Delacroix-Ortiz");

    private final List<Noun> nouns;
    private final List<Adjective> adjectives;
    private final List<Phrase> complements;
    private final List<Phrase> places;
    private final List<String> givenNames;
    private final List<String> familyNames;
    private final java.util.Map<String, String> slugs = new java.util.HashMap<>();

    SyntheticWords(long seed) {
        Random random = new Random(seed);
        nouns = shuffled(NOUNS, random);
        adjectives = shuffled(ADJECTIVES, random);
        complements = shuffled(COMPLEMENTS, random);
        places = shuffled(PLACES, random);
        givenNames = shuffled(GIVEN_NAMES, random);
        familyNames = shuffled(FAMILY_NAMES, random);
        NOUNS.forEach(w -> slugs.put(w.en(), slug(w.en())));
        ADJECTIVES.forEach(w -> slugs.put(w.en(), slug(w.en())));
        COMPLEMENTS.forEach(w -> slugs.put(w.en(), slug(w.en())));
        PLACES.forEach(w -> slugs.put(w.en(), slug(w.en())));
        GIVEN_NAMES.forEach(w -> slugs.put(w, slug(w)));
        FAMILY_NAMES.forEach(w -> slugs.put(w, slug(w)));
    }

    private static <T> List<T> shuffled(List<T> words, Random random) {
        List<T> copy = new ArrayList<>(words);
        Collections.shuffle(copy, random);
        return List.copyOf(copy);
    }

    /** The parts of concept label {@code i}: a mixed-radix reading of i, so distinct indices give distinct labels. */
    private record LabelParts(Noun noun, Adjective adjective, Phrase complement, Phrase place, long round) {}

    private LabelParts parts(long i) {
        long n = nouns.size();
        long a = adjectives.size();
        long c = complements.size();
        long base = n * a * c;
        long placeIndex = (i / base) % (places.size() + 1);
        long round = i / (base * (places.size() + 1));
        return new LabelParts(nouns.get((int) (i % n)), adjectives.get((int) ((i / n) % a)),
                complements.get((int) ((i / (n * a)) % c)), placeIndex == 0 ? null : places.get((int) placeIndex - 1), round);
    }

    /** French preferred label of concept i, e.g. « tâche précaire des plateformes au Kenya ». */
    String labelFr(long i) {
        LabelParts p = parts(i);
        String adjective = p.noun().feminine() ? p.adjective().frFeminine() : p.adjective().frMasculine();
        return withRound(p.noun().fr() + " " + adjective + " " + p.complement().fr() + place(p.place(), true), p.round());
    }

    /** English preferred label of concept i, e.g. "precarious task on platforms in Kenya". */
    String labelEn(long i) {
        LabelParts p = parts(i);
        return withRound(p.adjective().en() + " " + p.noun().en() + " " + p.complement().en() + place(p.place(), false), p.round());
    }

    /** The slug of concept i's English label, assembled from slugs of its words (no regex per call). */
    String slugEn(long i) {
        LabelParts p = parts(i);
        StringBuilder slug = new StringBuilder(64).append(slugs.get(p.adjective().en())).append('-')
                .append(slugs.get(p.noun().en())).append('-').append(slugs.get(p.complement().en()));
        if (p.place() != null) {
            slug.append('-').append(slugs.get(p.place().en()));
        }
        if (p.round() != 0) {
            slug.append('-').append(p.round() + 1);
        }
        return slug.toString();
    }

    /** The slug of person i's name. */
    String personSlug(long i) {
        char initial = (char) ('a' + (i / ((long) givenNames.size() * familyNames.size())) % 26);
        return slugs.get(givenName(i)) + "-" + initial + "-" + slugs.get(familyName(i));
    }

    /** French alternative label: the adjective moved into brackets, a form no preferred label takes. */
    String altLabelFr(long i) {
        LabelParts p = parts(i);
        String adjective = p.noun().feminine() ? p.adjective().frFeminine() : p.adjective().frMasculine();
        return withRound(p.noun().fr() + " " + p.complement().fr() + place(p.place(), true) + " (" + adjective + ")", p.round());
    }

    String altLabelEn(long i) {
        LabelParts p = parts(i);
        return withRound(p.noun().en() + " " + p.complement().en() + place(p.place(), false) + " (" + p.adjective().en() + ")", p.round());
    }

    /** The noun of concept i, for definitions. */
    String nounFr(long i) {
        return parts(i).noun().fr();
    }

    String nounEn(long i) {
        return parts(i).noun().en();
    }

    private static String place(Phrase place, boolean french) {
        return place == null ? "" : " " + (french ? place.fr() : place.en());
    }

    private static String withRound(String label, long round) {
        return round == 0 ? label : label + " " + (round + 1);
    }

    /** Name of person i: given name, an initial, family name, one-to-one up to the list sizes. */
    String personName(long i) {
        long g = givenNames.size();
        long f = familyNames.size();
        char initial = (char) ('A' + (i / (g * f)) % 26);
        return givenName(i) + " " + initial + ". " + familyName(i);
    }

    String givenName(long i) {
        return givenNames.get((int) (i % givenNames.size()));
    }

    String familyName(long i) {
        return familyNames.get((int) ((i / givenNames.size()) % familyNames.size()));
    }

    /** How many people share the name of person i before it (0 for the first): makes slugs unique. */
    long personRound(long i) {
        return i / ((long) givenNames.size() * familyNames.size() * 26);
    }

    /** A slug from any label: accents folded, lower case, words joined by hyphens. */
    static String slug(String text) {
        String folded = Normalizer.normalize(text.replace("œ", "oe").replace("ø", "o").replace("Ø", "O").replace("ł", "l")
                .replace("Ł", "L").replace("ß", "ss"), Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return folded.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
