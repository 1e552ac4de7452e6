import Fluent

/// The migrations in the order they run. Append only: a landed migration is never edited.
enum SafeguardMigrations {
    static let all: [any Migration] = [
        CreatePartnership(),
        CreateUser(),
        CreatePerson(),
        CreateAddress(),
        CreateRelationship(),
        CreateAudit(),
        CreateAPIToken(),
        CreateReferral(),
        CreateStrategyDiscussion(),
        AddChronologyVisibility(),
        CreatePersonMerge(),
        CreateProtection(),
        CreatePoliceIncident(),
        CreateStatusCheck(),
        CreateAssessment(),
        CreateCuckooing(),
        CreateMissingEpisode(),
        CreateExploitationPanel(),
        CreateTraining(),
        CreateInvolvementRequest(),
        CreateKeptForm(),
        AddAddressMerge(),
        AddChronologyRecordedAt(),
        AddReferralAllocation(),
        CreateMaleCarerCheck(),
        CreateLearning(),
        CreateSeriousIncident(),
        CreateProfessionalDisagreement(),
        CreateActionPlan(),
        CreateSARReferral(),
        CreateRapidReview(),
        CreatePracticeReview(),
    ]
}
