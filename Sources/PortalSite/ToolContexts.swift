/// What the home page and the tools' templates see.
extension RoutePlan {
    struct Home: PageContext {
        let latestPolicies: [SharedContext]
        let featuredProducts: [ProductCard]
        let upcomingEvents: [EventView.Card]
        let hasUpcoming: Bool
        let categories: [ProductPages.CategoryFacet]
        let targets: [ProductPages.SlugFacet]
        let counts: Counts

        struct Counts: Encodable, Sendable {
            let products, institutions, policies, activePolicies, banks, banksPublished, events: Int
        }
    }

    /// The 404 page shows only the shell.
    struct NotFound: PageContext {}

    struct Search: PageContext {
        let indexURL: String
        let categories: [ProductPages.CategoryFacet]
    }

    struct Match: PageContext {
        let targets, guaranteeMethods: [ProductPages.Choice]
        let categories: [ProductPages.CategoryFacet]
        /// The compact product data the matcher reads (`ProductData`).
        let productData: String
        let purposes: [ProductPages.Choice]
        /// Districts advisers serve, and their data, for "call one of these" (none without advisers).
        let districts: [String]
        let advisorData: String?
    }

    /// Compare reads the products it is given (`?p=id`, from a product page's
    /// 加入对比 or from its own search) from the compact data: it lists none itself.
    struct Compare: PageContext {
        let productData: String
        let searchIndex: String
        let categories: [ProductPages.CategoryFacet]
    }
}
