package io.piggy.contact;

import io.piggy.support.TestDatabase;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Direct SQL on the test application's database, for what no API call can arrange or show. */
final class TestSql {
    private TestSql() {
    }

    static Connection connect() throws SQLException {
        return DriverManager.getConnection(TestDatabase.jdbcUrl());
    }

    static int update(String sql, Object... params) throws SQLException {
        try (Connection c = connect(); PreparedStatement s = prepare(c, sql, params)) {
            return s.executeUpdate();
        }
    }

    static long count(String sql, Object... params) throws SQLException {
        try (Connection c = connect(); PreparedStatement s = prepare(c, sql, params); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            s.setObject(i + 1, params[i]);
        }
        return s;
    }
}
