/**
 * Anonymised statistics for directors, as frozen releases that survive an auditor (issues
 * 6 and 11).
 *
 * <table>
 * <caption>Where is what</caption>
 * <tr>
 * <td>records from {@code casefile} events, in the publisher's transaction; a filing only
 * queues its record, taken in (random order) by the next release or change of a record; a
 * unit that is not configured is refused ({@code 422 unknown-unit})</td>
 * <td>{@link nl.meldpunt.caseservice.statistics.CaseFileListener},
 * {@link nl.meldpunt.caseservice.statistics.StatisticalRecords}</td>
 * </tr>
 * <tr>
 * <td>fixed periods and what a release counts: received, closed (in the quarter they
 * closed) and open cases per quarter; every configured row</td>
 * <td>{@link nl.meldpunt.caseservice.statistics.Period},
 * {@link nl.meldpunt.caseservice.statistics.Population},
 * {@link nl.meldpunt.caseservice.statistics.Dimension},
 * {@link nl.meldpunt.caseservice.statistics.Granularity},
 * {@link nl.meldpunt.caseservice.statistics.CategoryGroup},
 * {@link nl.meldpunt.caseservice.statistics.ReleaseDraft},
 * {@link nl.meldpunt.caseservice.statistics.ReleaseShape},
 * {@link nl.meldpunt.caseservice.statistics.StatisticsData} (SQL)</td>
 * </tr>
 * <tr>
 * <td>the auditor: linear programs (ojAlgo) over every release of the organisation and
 * its pool; suppression until it passes</td>
 * <td>{@link nl.meldpunt.caseservice.statistics.DisclosureAudit},
 * {@link nl.meldpunt.caseservice.statistics.LinearBounds},
 * {@link nl.meldpunt.caseservice.statistics.ReleaseProtection},
 * {@link nl.meldpunt.caseservice.statistics.CellSuppression},
 * {@link nl.meldpunt.caseservice.statistics.SuppressionGraph}</td>
 * </tr>
 * <tr>
 * <td>publishing (nightly, or by the administrator), step-up, corrections, pools; frozen
 * storage with a checksum also in the audit chain</td>
 * <td>{@link nl.meldpunt.caseservice.statistics.StatisticsPublisher},
 * {@link nl.meldpunt.caseservice.statistics.StatisticsJob},
 * {@link nl.meldpunt.caseservice.statistics.Releases}</td>
 * </tr>
 * <tr>
 * <td>k (the organisation's {@code min_cell_size}, nowhere else), ε, settling delay,
 * protection, pool; the secret noise seed</td>
 * <td>{@link nl.meldpunt.caseservice.statistics.DisclosureSettings},
 * {@link nl.meldpunt.caseservice.statistics.DisclosureSettingsStore},
 * {@link nl.meldpunt.caseservice.statistics.GeometricNoise},
 * {@code GET/PUT /api/admin/statistics/settings},
 * {@code POST /api/admin/statistics/publications},
 * {@code POST /api/admin/statistics/corrections}
 * ({@link nl.meldpunt.caseservice.statistics.StatisticsAdminApi})</td>
 * </tr>
 * <tr>
 * <td>what a director reads: published releases only</td>
 * <td>{@link nl.meldpunt.caseservice.statistics.StatisticsReports}</td>
 * </tr>
 * <tr>
 * <td>{@code GET /statistics?period=&version=&lang=} (dashboard),
 * {@code /statistics/report.pdf}, {@code /statistics/report.csv} (with the annual-report
 * and ESRS S1-17 figures)</td>
 * <td>{@link nl.meldpunt.caseservice.statistics.StatisticsController},
 * {@link nl.meldpunt.caseservice.statistics.DashboardView},
 * {@link nl.meldpunt.caseservice.statistics.AccountabilityReport}</td>
 * </tr>
 * <tr>
 * <td>{@code GET /api/statistics?period=&version=}, {@code GET /api/statistics/releases}
 * (JSON)</td>
 * <td>{@link nl.meldpunt.caseservice.statistics.StatisticsApiController}</td>
 * </tr>
 * </table>
 *
 * Benchmark (1 000 000 records, 50 organisations; publishing and reading releases):
 * {@code ./mvnw -B -pl case-service -am verify -Dtest=StatisticsBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dmeldpunt.benchmark=true}.
 */
package nl.meldpunt.caseservice.statistics;
