package io.aurum.common.problem;

/** One offending input field of a 4xx problem: a JSON path such as {@code birthDate} or {@code lines[2].amount}. */
public record FieldError(String field, String message) {
}
