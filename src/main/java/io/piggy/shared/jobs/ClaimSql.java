package io.piggy.shared.jobs;

/**
 * What a job adds to the runner's claim statement. The runner's part picks due rows of {@code table}
 * fairly between accounts, locks them with {@code FOR UPDATE SKIP LOCKED}, pushes their
 * {@code run_at} to the lease's end and offers them as the CTE {@code claimed} (all of the table's
 * columns); {@code select} reads the items from it (joining what they need).
 *
 * @param table  the queue table
 * @param ready  an extra condition on a due row, alias {@code t}: "" or "AND …"
 * @param select {@code SELECT … FROM claimed c …}, in the order the items are to be run
 */
public record ClaimSql(String table, String ready, String select) {
}
