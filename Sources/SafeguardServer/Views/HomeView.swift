import Vapor

/// The start page for roles with no personal-data work (trainers, board members).
struct HomeView {
    var viewer: Viewer

    func render(on req: Request) -> Response {
        req.page("Home") {
            el("h1", .class("sg-heading-l")) { "Welcome, \(viewer.displayName)" }
            el("p", .class("sg-body")) {
                "You are signed in as \(viewer.role.displayName.lowercased()) for \(viewer.agencyName). Your role does not give access to people's records."
            }
        }
    }
}
