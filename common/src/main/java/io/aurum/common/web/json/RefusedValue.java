package io.aurum.common.web.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON value that breaks one of the {@link io.aurum.common.web.InputRules}: its message is the reason in the bank's
 * words ("must be a date (YYYY-MM-DD) between …"), which the problem mapper puts under the field's path.
 */
public class RefusedValue extends MismatchedInputException {

    public RefusedValue(JsonParser parser, String reason, Class<?> target) {
        super(parser, reason, target);
    }

    /** The reason alone, without the location and reference chain Jackson appends to the message. */
    public String reason() {
        return getOriginalMessage();
    }
}
