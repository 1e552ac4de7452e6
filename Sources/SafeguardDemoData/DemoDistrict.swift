import Foundation
import SafeguardCore

/// One of the ten fictional districts of Northmere, with what the generator needs to place people
/// and organisations there. Counties really are this uneven, so districts carry a population
/// weight and households are spread by it.
struct DemoDistrict: Sendable {
    let name: String
    let councilName: String
    /// The first town is the district's main town and takes most of its streets.
    let towns: [String]
    let primarySchool: String
    let secondarySchool: String
    let populationWeight: Int

    /// Fixed rather than seeded: district names appear in the published demo walkthrough.
    static let all: [DemoDistrict] = [
        DemoDistrict(
            name: "Ashcombe", councilName: "Ashcombe District Council",
            towns: ["Ashcombe", "Little Tarrow"],
            primarySchool: "Ashcombe St Mary's Church of England Primary School",
            secondarySchool: "Ashcombe Academy", populationWeight: 12),
        DemoDistrict(
            name: "Brackenford", councilName: "Brackenford Borough Council",
            towns: ["Brackenford", "Sedgecross", "Upper Wenlow"],
            primarySchool: "Sedgecross Primary School",
            secondarySchool: "Brackenford High School", populationWeight: 14),
        DemoDistrict(
            name: "Calder Vale", councilName: "Calder Vale District Council",
            towns: ["Calderbridge", "Holme Ferrers"],
            primarySchool: "Holme Ferrers Community Primary School",
            secondarySchool: "Calderbridge School and Sixth Form", populationWeight: 9),
        DemoDistrict(
            name: "Dunstowe", councilName: "Dunstowe Borough Council",
            towns: ["Dunstowe"],
            primarySchool: "Dunstowe Meadows Primary School",
            secondarySchool: "St Edmund's Catholic High School", populationWeight: 11),
        DemoDistrict(
            name: "Fennmoor", councilName: "Fennmoor District Council",
            towns: ["Fennmoor", "Reedmarsh St Giles"],
            primarySchool: "Reedmarsh St Giles Primary Academy",
            secondarySchool: "Fennmoor Community College", populationWeight: 7),
        DemoDistrict(
            name: "Greysham", councilName: "Greysham Borough Council",
            towns: ["Greysham", "Oakhurst Green", "Pellow"],
            primarySchool: "Oakhurst Green Primary School",
            secondarySchool: "Greysham Grammar School", populationWeight: 10),
        DemoDistrict(
            name: "Hollinbridge", councilName: "Hollinbridge District Council",
            towns: ["Hollinbridge", "Skelbrook Heath"],
            primarySchool: "Skelbrook Heath Primary School",
            secondarySchool: "Hollinbridge Academy", populationWeight: 8),
        DemoDistrict(
            name: "Kestrelby", councilName: "Kestrelby Borough Council",
            towns: ["Kestrelby", "Thornwick"],
            primarySchool: "Thornwick Church of England Primary School",
            secondarySchool: "Kestrelby Park School", populationWeight: 10),
        DemoDistrict(
            name: "Larkhaven", councilName: "Larkhaven District Council",
            towns: ["Larkhaven", "Saltmere"],
            primarySchool: "Saltmere Primary School",
            secondarySchool: "Larkhaven Coast Academy", populationWeight: 8),
        DemoDistrict(
            name: "Westmere", councilName: "Westmere Borough Council",
            towns: ["Westmere Garden City", "Quenmoor", "Harrowfield"],
            primarySchool: "Quenmoor Primary School",
            secondarySchool: "Westmere Garden City High School", populationWeight: 11),
    ]

    /// Each district owns two postcode districts, "NM1"–"NM20", so an outward code alone says
    /// which district an address is in.
    static func outwardCodes(forDistrict index: Int) -> [String] {
        ["NM\(index * 2 + 1)", "NM\(index * 2 + 2)"]
    }
}
