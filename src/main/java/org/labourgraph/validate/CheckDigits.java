package org.labourgraph.validate;

/**
 * The check digits of the identifiers the alignments carry, computed offline: ISBN-13 (EAN-13 weights 1
 * and 3, modulo 10) and ISO 7064 MOD 11-2, which ORCID iDs and ISNIs share (16 characters, the last one a
 * digit or X).
 */
public final class CheckDigits {
    private CheckDigits() {}

    /** True when {@code isbn} is 13 digits beginning 978 or 979 whose last digit is the right check digit. */
    public static boolean isbn13(String isbn) {
        if (isbn == null || !isbn.matches("97[89][0-9]{10}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (isbn.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return (10 - sum % 10) % 10 == isbn.charAt(12) - '0';
    }

    /** True when {@code id} (hyphens and spaces removed) is 15 digits and its ISO 7064 MOD 11-2 check character. */
    public static boolean mod11_2(String id) {
        String digits = id == null ? "" : id.replaceAll("[- ]", "");
        if (!digits.matches("[0-9]{15}[0-9X]")) {
            return false;
        }
        int total = 0;
        for (int i = 0; i < 15; i++) {
            total = (total + digits.charAt(i) - '0') * 2;
        }
        int result = (12 - total % 11) % 11;
        char expected = result == 10 ? 'X' : (char) ('0' + result);
        return digits.charAt(15) == expected;
    }
}
