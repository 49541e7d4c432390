package nl.meldpunt.ops.load;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.UUID;

import nl.meldpunt.ops.LaunchSettings;

/**
 * What the database holds of a set of filings: the one place that knows the case
 * service's tables ({@code case_file}, {@code case_item}, {@code key_envelope}); a change
 * of schema changes this class only.
 *
 * @param expected how many filings were looked for
 * @param present how many of them have their case row
 * @param complete how many have exactly one report item and all their key envelopes
 * @param duplicated how many have more than one report item or more envelopes than sent
 */
public record StoredFilings(int expected, int present, int complete, int duplicated) {

	public static StoredFilings check(LaunchSettings.ExternalDatabase database, Collection<UUID> caseIds,
			int envelopesPerFiling) throws SQLException {
		try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
				PreparedStatement query = connection.prepareStatement(
						"""
								SELECT count(*),
								       count(*) FILTER (WHERE reports = 1 AND envelopes = ?),
								       count(*) FILTER (WHERE reports > 1 OR envelopes > ?)
								FROM (SELECT c.id,
								             (SELECT count(*) FROM case_item i WHERE i.case_id = c.id AND i.kind = 'REPORT') AS reports,
								             (SELECT count(*) FROM key_envelope e WHERE e.case_id = c.id) AS envelopes
								      FROM case_file c WHERE c.id = ANY (?)) AS filed""")) {
			Array ids = connection.createArrayOf("uuid", caseIds.toArray());
			query.setInt(1, envelopesPerFiling);
			query.setInt(2, envelopesPerFiling);
			query.setArray(3, ids);
			try (ResultSet result = query.executeQuery()) {
				result.next();
				return new StoredFilings(caseIds.size(), result.getInt(1), result.getInt(2), result.getInt(3));
			}
		}
	}

	/** Every filing there, each exactly once with all its parts. */
	public boolean allThereOnce() {
		return this.present == this.expected && this.complete == this.expected && this.duplicated == 0;
	}

}
