package io.aurum.client.pii;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;

/**
 * PRC resident identity numbers (GB 11643-1999): 17 digits and an ISO 7064 MOD 11-2 check character
 * (0–9 or X); digits 7–14 are the birth date.
 */
public final class IdentityNumbers {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    private IdentityNumbers() {
    }

    public static String normalise(String value) {
        return value == null ? null : value.strip().toUpperCase(Locale.ROOT);
    }

    /** @return null when valid, otherwise why not */
    public static String prcIdProblem(String raw) {
        String id = normalise(raw);
        if (id == null || !id.matches("\\d{17}[0-9X]")) {
            return "a PRC resident ID has 17 digits and a check character (0-9 or X)";
        }
        if (checkCharacter(id.substring(0, 17)) != id.charAt(17)) {
            return "the check character does not match (not a valid PRC resident ID)";
        }
        LocalDate birth = prcBirthDate(id);
        if (birth == null || birth.isAfter(LocalDate.now()) || birth.getYear() < 1900) {
            return "the birth date inside the ID is not a real date";
        }
        return null;
    }

    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    public static LocalDate prcBirthDate(String id) {
        try {
            return LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
                    Integer.parseInt(id.substring(12, 14)));
        } catch (DateTimeException | NumberFormatException | IndexOutOfBoundsException e) {
            return null;
        }
    }
}
