package io.aurum.common.web;

import java.util.List;

/** One page of a list, with the totals a front end needs to page through it. */
public record Page<T>(List<T> items, int page, int size, long total, int totalPages) {

    public static <T> Page<T> of(List<T> items, int page, int size, long total) {
        return new Page<>(items, page, size, total, size == 0 ? 0 : (int) ((total + size - 1) / size));
    }
}
