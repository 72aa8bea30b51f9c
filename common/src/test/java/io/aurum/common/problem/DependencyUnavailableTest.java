package io.aurum.common.problem;

import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class DependencyUnavailableTest {

    @Test
    void connectionFailuresAnywhereInTheCauseChainAreUnavailabilityOtherFailuresAreNot() {
        assertThat(ProblemMappers.dependencyUnavailable(new RuntimeException("wrapped",
                new SQLTransientConnectionException("Acquisition timeout while waiting for new connection")))).isTrue();
        assertThat(ProblemMappers.dependencyUnavailable(new IllegalStateException(new SQLException("refused", "08001")))).isTrue();
        assertThat(ProblemMappers.dependencyUnavailable(new SQLException("terminating connection due to administrator command", "57P01"))).isTrue();
        assertThat(ProblemMappers.dependencyUnavailable(new RuntimeException(new ConnectException("Connection refused")))).isTrue();
        assertThat(ProblemMappers.dependencyUnavailable(new RuntimeException("Unable to acquire JDBC Connection"))).isTrue();
        // a broken query or a constraint is a bug or bad data, not an outage
        assertThat(ProblemMappers.dependencyUnavailable(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(ProblemMappers.dependencyUnavailable(new SQLException("syntax error", "42601"))).isFalse();
        assertThat(ProblemMappers.dependencyUnavailable(new NullPointerException())).isFalse();
    }
}
