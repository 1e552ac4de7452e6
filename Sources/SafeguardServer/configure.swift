import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import NIOSSL
import SafeguardCore
import Vapor

/// Sets the application up from its settings: database, middleware, routes, migrations.
public func configure(_ app: Application, settings: Settings) async throws {
    try settings.validate()
    switch settings.database {
    case .sqliteFile(let path):
        app.databases.use(.sqlite(.file(path)), as: .sqlite)
    case .sqliteMemory:
        app.databases.use(.sqlite(.memory), as: .sqlite)
    case .postgres(let url):
        var config = try SQLPostgresConfiguration(url: url)
        if url.contains("sslmode=disable") == false, url.contains("localhost") == false,
            url.contains("127.0.0.1") == false
        {
            config.coreConfiguration.tls = .prefer(try .init(configuration: .clientDefault))
        }
        app.databases.use(
            .postgres(configuration: config, maxConnectionsPerEventLoop: settings.databaseConnectionsPerCore), as: .psql
        )
    }
    app.migrations.add(SafeguardMigrations.all)
    app.passwords.use(.bcrypt(cost: settings.passwordHashCost))
    let server = SafeguardContext.newServerID()
    let audit = AuditTrail(database: settings.database, clock: settings.clock, server: server)
    app.metrics = RequestMetrics()
    let mailer = settings.smtp.map { SMTPMailer(settings: $0, eventLoopGroup: app.eventLoopGroup) }
    app.safeguard = SafeguardContext(
        settings: settings, audit: audit,
        notificationDelivery: NotificationDelivery(
            mailer: mailer, publicURL: settings.publicURL, audit: audit,
            server: server, clock: settings.clock,
            metrics: app.metrics),
        secret: settings.resolvedSecret(), passwordPolicy: .standard,
        decoyPasswordHash: try Bcrypt.hash(SessionToken.random(), cost: settings.passwordHashCost),
        calendar: WorkingCalendar.englandAndWales.adding(closures: settings.rules.closures),
        ragTimescales: settings.rules.ragTimescales, continuum: settings.rules.continuum)
    let markers = app.safeguard.markerIndex
    app.databases.middleware.use(MarkerIndexWatch<PlaceOfInterestMarker>(holder: markers))
    app.databases.middleware.use(MarkerIndexWatch<ProtectionRecord>(holder: markers))
    app.databases.middleware.use(MarkerIndexWatch<CuckooedHome>(holder: markers))
    app.databases.middleware.use(MarkerIndexWatch<Address>(holder: markers, onCreate: false))
    app.http.server.configuration.hostname = settings.hostname
    app.http.server.configuration.port = settings.port

    // Order matters: errors are rendered for everything below. The CSRF check and the session run
    // on the site's routes only (routes.swift), after a path has matched.
    app.middleware = .init()
    app.middleware.use(RequestMetricsMiddleware())
    app.middleware.use(SecurityHeadersMiddleware())
    app.middleware.use(ErrorPageMiddleware())
    app.middleware.use(FileMiddleware(publicDirectory: try SiteAssets.directory()))
    // The API's JSON bodies; the site's forms are bounded by the CSRF check (FormInput).
    app.routes.defaultMaxBodySize = ByteCount(value: FormInput.defaultBodyLimit)
    FormInput.installCleanDecoders()
    // Whatever this process wrote to the audit trail is chained before it exits (a command-line import, say).
    app.lifecycle.use(AuditSealer.OnShutdown())
    try routes(app)
}

/// Prepares a SQLite file for concurrent readers while one writer works.
public func prepareDatabase(_ app: Application) async throws {
    if case .sqliteFile = app.safeguard.settings.database, let sql = app.db as? SQLDatabase {
        try await sql.raw("PRAGMA journal_mode=WAL").run()
    }
    // One line about the schema instead of two per migration, so the demo's sign-ins are not buried.
    let level = app.logger.logLevel
    app.logger.logLevel = max(level, .notice)
    defer { app.logger.logLevel = level }
    try await app.migrator.setupIfNeeded().get()
    let pending = try await app.migrator.previewPrepareBatch().get().count
    try await app.autoMigrate()
    if pending > 0 {
        app.logger.notice("Database schema brought up to date: \(pending) migration\(pending == 1 ? "" : "s") applied")
    }
    try await AssessmentToolCatalogue.registerShipped(on: app.db, now: app.safeguard.settings.clock.now())
}
