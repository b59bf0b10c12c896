package org.labourgraph.reconcile;

import java.util.List;

/** A scored candidate: the entity, its score (0–100), whether it is a certain match, and the features behind the score. */
public record Candidate(EntityFacts entity, double score, boolean match, double nameScore, double propertyScore,
                       List<Vocab.Term> types) {}
