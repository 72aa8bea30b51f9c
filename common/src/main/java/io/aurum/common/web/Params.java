package io.aurum.common.web;

import io.aurum.common.problem.ApiException;

import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Parses path and query parameters so that a bad value is a 400 naming the parameter — JAX-RS would answer
 * 404 for an unconvertible query parameter, which tells the caller nothing.
 */
public final class Params {

    private Params() {
    }

    public static <E extends Enum<E>> E enumValue(Class<E> type, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
            throw ApiException.badField(field, "must be one of " + allowed);
        }
    }

    public static UUID uuid(String field, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ApiException.badField(field, "must be a UUID");
        }
    }
}
