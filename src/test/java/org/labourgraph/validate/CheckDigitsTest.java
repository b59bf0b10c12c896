package org.labourgraph.validate;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Check digits computed offline: ISBN-13 and ISO 7064 MOD 11-2 (ORCID, ISNI). */
class CheckDigitsTest {

    @ParameterizedTest(name = "{0} is a valid ISBN-13")
    @ValueSource(strings = {"9781328566249", "9780262017480", "9791032305461"})
    void isbn13_with_the_right_check_digit_passes(String isbn) {
        assertTrue(CheckDigits.isbn13(isbn));
    }

    @ParameterizedTest(name = "{0} is not a valid ISBN-13")
    @ValueSource(strings = {"9781328566248", "9780262017481", "978132856624", "97813285662490", "9771328566249",
            "978-1-328-56624-9", "978132856624X", ""})
    void isbn13_with_a_wrong_check_digit_length_or_prefix_fails(String isbn) {
        assertFalse(CheckDigits.isbn13(isbn));
    }

    @ParameterizedTest(name = "{0} passes MOD 11-2")
    @ValueSource(strings = {"0000-0002-1825-0097", "0000000218250097", "0000-0001-5109-3700", "0000-0002-1694-233X"})
    void orcid_and_isni_with_the_right_check_character_pass(String id) {
        assertTrue(CheckDigits.mod11_2(id));
    }

    @ParameterizedTest(name = "{0} fails MOD 11-2")
    @ValueSource(strings = {"0000-0002-1825-0098", "0000-0002-1694-2330", "0000-0002-1825-009", "000000021825009X0", "abcd"})
    void orcid_and_isni_with_a_wrong_check_character_or_length_fail(String id) {
        assertFalse(CheckDigits.mod11_2(id));
    }
}
