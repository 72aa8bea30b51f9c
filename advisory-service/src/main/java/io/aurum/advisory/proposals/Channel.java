package io.aurum.advisory.proposals;

/** Where the client gave an act: in the app under its own login, or at a branch, where staff capture it. */
public enum Channel {
    APP, BRANCH;

    /** Follows from who acts, never from what a caller says: a client's login is the app, a staff login the branch. */
    public static Channel of(Actor actor) {
        return actor.client() ? APP : BRANCH;
    }
}
