package io.aurum.common.web;

import com.fasterxml.jackson.annotation.JsonFormat;

import java.math.BigDecimal;

/** Money on the API: a decimal string and an ISO 4217 currency, never a binary float. */
public record Money(@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, String currency) {

    public static Money of(BigDecimal amount, String currency) {
        return amount == null ? null : new Money(amount, currency);
    }
}
