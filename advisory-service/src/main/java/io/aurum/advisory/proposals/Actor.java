package io.aurum.advisory.proposals;

import java.util.Objects;

/**
 * Someone acting on a proposal: the client under its own login, or a staff member. {@code id} is the login's stable id
 * (the token subject) and decides whether two acts are by the same person; {@code name} is the login name kept as
 * evidence.
 */
public record Actor(String id, String name, boolean client) {

    public Actor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }

    public static Actor client(String id, String name) {
        return new Actor(id, name, true);
    }

    public static Actor staff(String id, String name) {
        return new Actor(id, name, false);
    }

    public boolean samePersonAs(Actor other) {
        return other != null && id.equals(other.id);
    }
}
