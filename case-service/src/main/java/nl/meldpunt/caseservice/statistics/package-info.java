/**
 * Anonymised statistics for directors (issue 6).
 *
 * <table>
 * <caption>Where is what</caption>
 * <tr>
 * <td>records from {@code casefile} events, in the publisher's transaction</td>
 * <td>{@link nl.meldpunt.caseservice.statistics.CaseFileListener},
 * {@link nl.meldpunt.caseservice.statistics.StatisticalRecords}</td>
 * </tr>
 * <tr>
 * <td>disclosure control: threshold k, complementary suppression, exact check</td>
 * <td>{@link nl.meldpunt.caseservice.statistics.CellSuppression},
 * {@link nl.meldpunt.caseservice.statistics.SuppressionGraph},
 * {@link nl.meldpunt.caseservice.statistics.LinearDisclosure},
 * {@link nl.meldpunt.caseservice.statistics.KeyFigures}</td>
 * </tr>
 * <tr>
 * <td>optional differential privacy</td>
 * <td>{@link nl.meldpunt.caseservice.statistics.GeometricNoise}</td>
 * </tr>
 * <tr>
 * <td>k and ε per organisation (public, for the administration feature)</td>
 * <td>{@link nl.meldpunt.caseservice.statistics.DisclosureSettingsStore}</td>
 * </tr>
 * <tr>
 * <td>SQL aggregation</td>
 * <td>{@link nl.meldpunt.caseservice.statistics.StatisticsQueries}</td>
 * </tr>
 * <tr>
 * <td>one protected release per year, the only source of every output</td>
 * <td>{@link nl.meldpunt.caseservice.statistics.StatisticsReports}</td>
 * </tr>
 * <tr>
 * <td>{@code GET /statistics?year=&lang=} (dashboard), {@code /statistics/report.pdf},
 * {@code /statistics/report.csv}</td>
 * <td>{@link nl.meldpunt.caseservice.statistics.StatisticsController}</td>
 * </tr>
 * <tr>
 * <td>{@code GET /api/statistics?year=} (JSON)</td>
 * <td>{@link nl.meldpunt.caseservice.statistics.StatisticsApiController}</td>
 * </tr>
 * </table>
 *
 * Benchmark (1 000 000 records, 50 organisations):
 * {@code ./mvnw -B -pl case-service -am verify -Dtest=StatisticsBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dmeldpunt.benchmark=true}.
 */
package nl.meldpunt.caseservice.statistics;
