import Testing

@testable import SafeguardCore

/// The whole policy as a table: every role × agency kind × relationship × action.
/// Each row lists, per action in `actions` order, the answer for relationship
/// none / agency-involved / glass-broken:
///   P permit, B break glass required, R role has no access, O read-only role,
///   I needs agency involvement, G break-glass is read-only. A role held in an agency it does not fit is denied everything.
struct AccessPolicyTableTests {
    static let actions: [Action] = [
        .searchPeople, .viewPerson, .createPerson, .editPerson, .exportPerson, .viewAccessLog,
        .recordInvolvement, .manageAgencies, .manageUsers, .manageAPITokens, .reviewAuditTrail,
        .submitReferral, .viewReferral, .triageReferral, .recordDecision, .signOffDecision,
        .answerInformationRequest, .viewReferralOutcome, .recordStrategyDiscussion, .mergePeople, .recordProtection,
        .reviewIncidentAlert, .decideIncidentAlert, .checkProtectionStatus, .recordAssessment, .countersignAssessment,
        .manageAssessmentTools, .recordCuckooing, .recordMissingEpisode, .viewVulnerabilityDashboard,
        .referToExploitationPanel,
        .manageExploitationPanel, .bookTraining, .manageTraining, .viewTrainingReports, .manageRegistrationKeys,
        .viewAgencyTraining, .viewProtectionDetails, .requestInvolvement, .decideInvolvementRequest, .allocateReferral,
        .readLearning, .viewThematicAnalysis, .manageLearning, .raiseSeriousIncident, .viewSeriousIncidents,
        .manageSeriousIncidents,
        .raiseDisagreement, .handleDisagreement, .viewDisagreementFigures, .viewActionPlan, .manageActionPlan,
        .updatePlanAction, .signOffPlanAction,
        .referForSAR, .viewSARs, .decideSAR, .manageAgencySummaries, .writeAgencySummary,
    ]

    static let table: [Role: String] = [
        //                      search view create edit export log  involve agencies users tokens audit  refer view triage decide signoff answer outcome strategy merge protect alert  decide cpis  assess sign  tools  cuckoo missing dash  refer  panel  book  train  report keys  agency plan  ask   decide alloc  learn themes lrnmg raise sivw  simg  pdrs  pdhd  pdfig apvw  apmg  apup  apso  sarrf sarvw sardc asmg aswr
        .partnershipAdmin:
            "RRR    RRR  RRR    RRR  RRR    RRR  RRR     PPP      PPP   PPP    PPP  RRR  RRR  RRR    RRR    RRR     RRR    RRR     RRR   RRR   RRR   RRR   RRR   RRR   RRR   RRR   PPP   RRR    RRR     RRR   RRR    RRR  PPP   PPP    PPP    PPP   RRR   RRR   RRR   RRR   RRR   PPP   PPP    RRR  RRR   RRR   RRR  RRR   RRR   PPP  PPP   RRR   RRR   RRR  RRR   RRR   RRR   RRR  RRR",
        .mashPractitioner:
            "PPP    PPP  PPP    PPP  PPP    RRR  PPP     RRR      RRR   RRR    RRR  PPP  PPP  RRR    PPP    RRR     IPI    PPP     PPP   PPP   PPP   PPP   PPP   PPP   PPP   RRR   RRR   PPP    PPP     PPP   PPP    PPP  PPP   RRR    RRR    RRR   RRR   PPP   PPP   RRR   PPP   PPP   RRR    RRR  PPP   RRR   RRR  PPP   IPI   RRR  PPP   RRR   PPP   RRR  PPP   RRR   RRR   RRR  IPI",
        .mashManager:
            "PPP    PPP  PPP    PPP  PPP    PPP  PPP     RRR      RRR   RRR    RRR  PPP  PPP  PPP    PPP    PPP     IPI    PPP     PPP   PPP   PPP   PPP   PPP   PPP   PPP   PPP   RRR   PPP    PPP     PPP   PPP    PPP  PPP   RRR    RRR    RRR   PPP   PPP   PPP   PPP   PPP   PPP   RRR    RRR  PPP   RRR   RRR  PPP   IPI   RRR  PPP   RRR   PPP   RRR  PPP   RRR   RRR   RRR  IPI",
        .socialWorker:
            "PPP    BPP  PPP    IPI  IPI    RRR  BPG     RRR      RRR   RRR    RRR  PPP  RRR  RRR    RRR    RRR     IPI    IPI     PPP   RRR   IPI   RRR   IPI   RRR   IPI   RRR   RRR   IPI    IPI     RRR   IPI    RRR  PPP   RRR    RRR    RRR   RRR   BPP   BPP   RRR   RRR   PPP   RRR    RRR  BPP   RRR   RRR  PPP   IPI   RRR  PPP   RRR   PPP   RRR  BPP   RRR   RRR   RRR  IPI",
        .teamManager:
            "PPP    BPP  PPP    IPI  IPI    IPI  BPG     RRR      RRR   RRR    RRR  PPP  RRR  RRR    RRR    RRR     IPI    IPI     PPP   RRR   IPI   RRR   IPI   RRR   IPI   IPI   RRR   IPI    IPI     PPP   IPI    PPP  PPP   RRR    RRR    RRR   PPP   BPP   BPP   PPP   RRR   PPP   RRR    RRR  BPP   RRR   RRR  PPP   IPI   RRR  PPP   RRR   PPP   RRR  BPP   RRR   RRR   RRR  IPI",
        .policeOfficer:
            "PPP    BPP  PPP    IPI  IPI    RRR  BPG     RRR      RRR   RRR    RRR  PPP  RRR  RRR    RRR    RRR     IPI    IPI     RRR   RRR   RRR   RRR   RRR   RRR   IPI   RRR   RRR   IPI    IPI     RRR   IPI    RRR  PPP   RRR    RRR    RRR   RRR   RRR   BPP   RRR   RRR   PPP   RRR    RRR  BPP   RRR   RRR  PPP   IPI   RRR  PPP   RRR   PPP   RRR  BPP   RRR   RRR   RRR  IPI",
        .policePublicProtection:
            "PPP    BPP  PPP    IPI  IPI    RRR  BPG     RRR      RRR   RRR    RRR  PPP  RRR  RRR    RRR    RRR     IPI    IPI     PPP   RRR   RRR   RRR   RRR   RRR   IPI   RRR   RRR   IPI    IPI     PPP   IPI    PPP  PPP   RRR    RRR    RRR   RRR   BPP   BPP   RRR   RRR   PPP   RRR    RRR  BPP   RRR   RRR  PPP   IPI   RRR  PPP   RRR   PPP   RRR  BPP   RRR   RRR   RRR  IPI",
        .healthPractitioner:
            "PPP    BPP  PPP    IPI  IPI    RRR  BPG     RRR      RRR   RRR    RRR  PPP  RRR  RRR    RRR    RRR     IPI    IPI     RRR   RRR   RRR   RRR   RRR   PPP   IPI   RRR   RRR   IPI    IPI     RRR   IPI    RRR  PPP   RRR    RRR    RRR   RRR   RRR   BPP   RRR   RRR   PPP   RRR    RRR  BPP   RRR   RRR  PPP   IPI   RRR  PPP   RRR   PPP   RRR  BPP   RRR   RRR   RRR  IPI",
        .schoolDesignatedSafeguardingLead:
            "PPP    BPP  PPP    IPI  IPI    RRR  BPG     RRR      RRR   RRR    RRR  PPP  RRR  RRR    RRR    RRR     IPI    IPI     RRR   RRR   RRR   RRR   RRR   RRR   IPI   RRR   RRR   IPI    IPI     RRR   IPI    RRR  PPP   RRR    RRR    RRR   PPP   RRR   BPP   RRR   RRR   PPP   RRR    RRR  BPP   RRR   RRR  PPP   IPI   RRR  PPP   RRR   PPP   RRR  BPP   RRR   RRR   RRR  IPI",
        .informationManagementOfficer:
            "PPP    BPP  PPP    IPI  IPI    RRR  BPG     RRR      RRR   RRR    RRR  PPP  RRR  RRR    RRR    RRR     IPI    IPI     RRR   RRR   RRR   PPP   RRR   RRR   RRR   RRR   RRR   RRR    RRR     RRR   RRR    RRR  PPP   RRR    RRR    RRR   RRR   RRR   BPP   RRR   RRR   PPP   RRR    RRR  BPP   RRR   RRR  PPP   IPI   RRR  PPP   RRR   PPP   RRR  BPP   RRR   RRR   RRR  IPI",
        .trainer:
            "RRR    RRR  RRR    RRR  RRR    RRR  RRR     RRR      RRR   RRR    RRR  RRR  RRR  RRR    RRR    RRR     RRR    RRR     RRR   RRR   RRR   RRR   RRR   RRR   RRR   RRR   RRR   RRR    RRR     RRR   RRR    RRR  PPP   PPP    PPP    RRR   RRR   RRR   RRR   RRR   RRR   PPP   PPP    RRR  RRR   RRR   RRR  RRR   RRR   RRR  RRR   RRR   RRR   RRR  RRR   RRR   RRR   RRR  RRR",
        .boardMember:
            "RRR    RRR  RRR    RRR  RRR    RRR  RRR     RRR      RRR   RRR    RRR  RRR  RRR  RRR    RRR    RRR     RRR    RRR     RRR   RRR   RRR   RRR   RRR   RRR   RRR   RRR   RRR   RRR    RRR     RRR   RRR    RRR  PPP   RRR    PPP    RRR   RRR   RRR   RRR   RRR   RRR   PPP   PPP    RRR  RRR   RRR   RRR  RRR   RRR   PPP  PPP   RRR   RRR   RRR  RRR   RRR   RRR   RRR  RRR",
        .auditor:
            "PPP    PPP  OOO    OOO  OOO    PPP  OOO     RRR      RRR   RRR    PPP  OOO  PPP  OOO    OOO    OOO     OOO    PPP     OOO   OOO   OOO   OOO   OOO   OOO   OOO   OOO   RRR   OOO    OOO     PPP   OOO    OOO  PPP   RRR    PPP    RRR   RRR   PPP   OOO   OOO   OOO   PPP   PPP    RRR  OOO   RRR   RRR  OOO   OOO   PPP  PPP   OOO   OOO   OOO  OOO   RRR   RRR   RRR  OOO",
        .agencyManager:
            "RRR    RRR  RRR    RRR  RRR    RRR  RRR     RRR      RRR   RRR    RRR  RRR  RRR  RRR    RRR    RRR     RRR    RRR     RRR   RRR   RRR   RRR   RRR   RRR   RRR   RRR   RRR   RRR    RRR     RRR   RRR    RRR  PPP   RRR    RRR    RRR   PPP   RRR   RRR   RRR   RRR   PPP   RRR    RRR  RRR   RRR   RRR  RRR   RRR   RRR  RRR   RRR   RRR   RRR  RRR   RRR   RRR   RRR  RRR",
        .learner:
            "RRR    RRR  RRR    RRR  RRR    RRR  RRR     RRR      RRR   RRR    RRR  RRR  RRR  RRR    RRR    RRR     RRR    RRR     RRR   RRR   RRR   RRR   RRR   RRR   RRR   RRR   RRR   RRR    RRR     RRR   RRR    RRR  PPP   RRR    RRR    RRR   RRR   RRR   RRR   RRR   RRR   PPP   RRR    RRR  RRR   RRR   RRR  RRR   RRR   RRR  RRR   RRR   RRR   RRR  RRR   RRR   RRR   RRR  RRR",
        .businessUnitOfficer:
            "RRR    RRR  RRR    RRR  RRR    RRR  RRR     RRR      RRR   RRR    RRR  RRR  RRR  RRR    RRR    RRR     RRR    RRR     RRR   RRR   RRR   RRR   RRR   RRR   RRR   RRR   RRR   RRR    RRR     RRR   RRR    RRR  PPP   RRR    RRR    RRR   RRR   RRR   RRR   RRR   RRR   PPP   PPP    PPP  RRR   PPP   PPP  RRR   PPP   PPP  PPP   PPP   PPP   RRR  RRR   PPP   PPP   PPP  RRR",
    ]

    static func expected(_ letter: Character) -> AccessDecision {
        switch letter {
        case "P": .permit
        case "B": .breakGlassRequired
        case "R": .deny(.roleHasNoAccess)
        case "O": .deny(.readOnlyRole)
        case "I": .deny(.needsAgencyInvolvement)
        case "G": .deny(.breakGlassIsReadOnly)
        default: fatalError("unknown letter \(letter)")
        }
    }

    @Test func tableCoversEveryRoleAndAction() {
        #expect(Set(Self.table.keys) == Set(Role.allCases))
        #expect(Set(Self.actions) == Set(Action.allCases))
        for (role, row) in Self.table {
            #expect(
                row.filter { !$0.isWhitespace }.count == Self.actions.count * Relationship.allCases.count,
                "row for \(role)")
        }
    }

    @Test(arguments: Role.allCases)
    func everyCombination(role: Role) {
        let letters = Array(Self.table[role]!.filter { !$0.isWhitespace })
        var checked = 0
        for kind in AgencyKind.allCases {
            for (a, action) in Self.actions.enumerated() {
                for (r, relationship) in [Relationship.none, .agencyInvolved, .glassBroken].enumerated() {
                    let got = AccessPolicy.decide(
                        role: role, agencyKind: kind, relationship: relationship, action: action)
                    let want =
                        role.isPermitted(in: kind) ? Self.expected(letters[a * 3 + r]) : .deny(.roleNotValidForAgency)
                    #expect(got == want, "\(role) in \(kind), \(relationship), \(action)")
                    checked += 1
                }
            }
        }
        #expect(checked == AgencyKind.allCases.count * Action.allCases.count * 3)
    }

    /// Membership of a review group opens serious incidents to a case worker; nothing else does.
    @Test func reviewGroupsOpenSeriousIncidents() {
        for role in Role.allCases {
            for group in ReviewGroup.allCases {
                let kind = role.permittedAgencyKinds.first!
                let got = AccessPolicy.decide(
                    role: role, agencyKind: kind, relationship: .none, action: .viewSeriousIncidents,
                    memberships: [group])
                let want =
                    role == .businessUnitOfficer || (role.worksCases && ReviewGroup.childReviewers.contains(group))
                #expect(got.isPermitted == want, "\(role) in the \(group)")
                #expect(
                    !AccessPolicy.decide(
                        role: role, agencyKind: kind, relationship: .agencyInvolved, action: .manageSeriousIncidents,
                        memberships: Set(ReviewGroup.allCases)
                    ).isPermitted || role == .businessUnitOfficer)
            }
        }
    }

    @Test func theSARPanelOpensAndDecidesReferrals() {
        for role in Role.allCases {
            let kind = role.permittedAgencyKinds.first!
            for action in [Action.viewSARs, .decideSAR] {
                let got = AccessPolicy.decide(
                    role: role, agencyKind: kind, relationship: .none, action: action, memberships: [.sarPanel])
                #expect(
                    got.isPermitted == (role.worksCases || role == .businessUnitOfficer),
                    "\(role) on the SAR panel, \(action)")
                let sub = AccessPolicy.decide(
                    role: role, agencyKind: kind, relationship: .none, action: action,
                    memberships: [.caseReviewSubGroup])
                #expect(sub.isPermitted == (role == .businessUnitOfficer), "\(role) on the sub-group only, \(action)")
            }
        }
    }

    @Test func theCaseReviewSubGroupSignsOffActions() {
        for role in Role.allCases {
            let kind = role.permittedAgencyKinds.first!
            let got = AccessPolicy.decide(
                role: role, agencyKind: kind, relationship: .none, action: .signOffPlanAction,
                memberships: [.caseReviewSubGroup])
            #expect(got.isPermitted == role.worksCases, "\(role) in the sub-group")
        }
    }

    @Test func aPoliceOfficerInASchoolIsRefusedEverything() {
        for action in Action.allCases {
            #expect(
                AccessPolicy.decide(
                    role: .policeOfficer, agencyKind: .school, relationship: .agencyInvolved, action: action)
                    == .deny(.roleNotValidForAgency))
        }
    }

    @Test func navigationHintsFollowThePolicy() {
        #expect(AccessPolicy.mayEver(role: .socialWorker, agencyKind: .childrensSocialCare, action: .viewPerson))
        #expect(!AccessPolicy.mayEver(role: .trainer, agencyKind: .childrensSocialCare, action: .searchPeople))
        #expect(AccessPolicy.mayEver(role: .partnershipAdmin, agencyKind: .childrensSocialCare, action: .manageUsers))
        #expect(!AccessPolicy.mayEver(role: .auditor, agencyKind: .police, action: .editPerson))
    }
}
