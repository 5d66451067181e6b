/// A hand-labelled passage of the corpus: the terms a careful reader finds in it.
///
/// Labels were written by reading each passage, before running the tagger on it. Places and
/// goals name gazetteer terms; organisations and technologies name a gazetteer term or the slug
/// of the name as the index writes it (both are also found beyond the gazetteer). SDGs are labelled where the passage names a goal or is
/// clearly about it; the tagger's evidence threshold may miss the weaker of these, which is
/// what recall measures. A place named inside a longer name (`Nantong` in `State Grid Nantong
/// Power Supply Company`) counts as a mention of the place, as the tagger documents.
struct LabelledPassage: Sendable {
    var source: String
    var first: Int
    var last: Int
    var companies: [String] = []
    var places: [String] = []
    var technologies: [String] = []
    var sdgs: [Int] = []
}

enum LabelledSample {
    static let passages: [LabelledPassage] = [
        LabelledPassage(source: "giz-ccid-2022", first: 73, last: 73,
                        companies: ["sino-german-company-working-group-on-industrie-4-0-and-intelligent-manufacturing", "federal-ministry-for-economic-affairs-and-energy", "ministry-of-industry-and-information-technology"],
                        places: ["germany", "china"]),
        LabelledPassage(source: "giz-ccid-2022", first: 158, last: 158,
                        companies: ["federal-ministry-for-economic-affairs-and-energy", "ministry-of-industry-and-information-technology"],
                        technologies: ["industry-4-0", "intelligent-manufacturing"]),
        LabelledPassage(source: "giz-ccid-2022", first: 223, last: 223,
                        companies: ["european-commission"], places: ["european-union", "europe"], technologies: ["industry-4-0"], sdgs: [12]),
        LabelledPassage(source: "giz-ccid-2022", first: 259, last: 259, companies: ["ministry-of-ecology-and-environment-of-china"], places: ["china"]),
        LabelledPassage(source: "giz-ccid-2022", first: 356, last: 356, technologies: ["energy-efficiency"], sdgs: [7, 12]),
        LabelledPassage(source: "giz-ccid-2022", first: 313, last: 316,
                        companies: ["baowu-carbon-technology"], places: ["shanghai"], technologies: ["digital-twins"]),
        LabelledPassage(source: "leiden-2023", first: 11, last: 11, companies: ["leidenasiacentre", "leiden-university", "vaes-elias-fund"], places: ["leiden"]),
        LabelledPassage(source: "leiden-2023", first: 52, last: 52, places: ["beijing", "united-states", "china"]),
        LabelledPassage(source: "leiden-2023", first: 78, last: 78, places: ["asia-pacific", "china", "japan"], technologies: ["internet-of-things"]),
        LabelledPassage(source: "leiden-2023", first: 112, last: 112,
                        places: ["china"], technologies: ["industrial-internet-of-things", "internet-of-things"], sdgs: [8]),
        LabelledPassage(source: "leiden-2023", first: 174, last: 174,
                        places: ["china"], technologies: ["industrial-internet-of-things", "5g", "time-sensitive-networking"], sdgs: [9]),
        LabelledPassage(source: "cmia-2021", first: 66, last: 66, companies: ["corning"], places: ["chongqing"]),
        LabelledPassage(source: "cmia-2021", first: 390, last: 390,
                        places: ["chengdu-chongqing-economic-circle", "chengdu", "chongqing"], technologies: ["chip-design"], sdgs: [9]),
        LabelledPassage(source: "cmia-2021", first: 1328, last: 1328,
                        companies: ["at-s", "chongqing-municipal-government"], places: ["chongqing", "liangjiang-new-area"], technologies: ["printed-circuit-boards"]),
        LabelledPassage(source: "cmia-2021", first: 1620, last: 1620, technologies: ["internet-of-things", "industrial-internet-of-things"]),
        LabelledPassage(source: "cmia-2021", first: 1864, last: 1864, companies: ["basf"], places: ["chongqing"], technologies: ["energy-efficiency"]),
        LabelledPassage(source: "cmia-2021", first: 2006, last: 2006, places: ["changsha", "wuxi", "suzhou", "beijing", "shanghai"]),
        LabelledPassage(source: "cmia-2021", first: 2162, last: 2162,
                        companies: ["federal-ministry-for-economic-affairs-and-energy"], places: ["germany"],
                        technologies: ["autonomous-driving", "intelligent-connected-vehicles", "5g"]),
        LabelledPassage(source: "cmia-2024", first: 342, last: 342, places: ["china"],
                        technologies: ["renewable-energy", "hydropower", "pumped-storage-hydropower", "waste-to-energy", "bioenergy", "energy-efficiency"], sdgs: [7]),
        LabelledPassage(source: "cmia-2024", first: 513, last: 513, places: ["chongqing", "china", "inner-mongolia"], technologies: ["new-energy-vehicles"]),
        LabelledPassage(source: "cmia-2024", first: 786, last: 786, companies: ["ford"]),
        LabelledPassage(source: "cmia-2024", first: 1003, last: 1003, technologies: ["intelligent-manufacturing"]),
        LabelledPassage(source: "cmia-2024", first: 1450, last: 1450,
                        places: ["chongqing"], technologies: ["artificial-intelligence", "generative-ai", "5g"]),
        LabelledPassage(source: "cmia-2024", first: 1630, last: 1630, companies: ["air-products"], places: ["chongqing"], technologies: ["industrial-gases"], sdgs: [13]),
        LabelledPassage(source: "cmia-2024", first: 1808, last: 1808, places: ["silicon-valley"]),
        LabelledPassage(source: "cmia-2024", first: 2085, last: 2085, sdgs: [9]),
        LabelledPassage(source: "cmia-2024", first: 2227, last: 2227, sdgs: [4, 5]),
        LabelledPassage(source: "cst-2024", first: 29, last: 29,
                        companies: ["china-sustainability-tribune", "ministry-of-commerce", "china-center-for-international-economic-exchanges"], places: ["china"]),
        LabelledPassage(source: "cst-2024", first: 323, last: 323, companies: ["state-grid"]),
        LabelledPassage(source: "cst-2024", first: 674, last: 674,
                        companies: ["state-grid-nantong-power-supply-company"], places: ["nantong"], technologies: ["big-data", "wastewater-treatment"], sdgs: [6]),
        LabelledPassage(source: "cst-2024", first: 1032, last: 1032, sdgs: [9]),
        LabelledPassage(source: "cst-2024", first: 225, last: 227, sdgs: [7]),
        LabelledPassage(source: "cst-2024", first: 261, last: 263, sdgs: [13]),
        LabelledPassage(source: "cst-2024", first: 365, last: 365, companies: ["xag"], technologies: ["drones", "plant-protection-drones", "agricultural-iot", "internet-of-things", "autopilot", "intelligent-agricultural-management-system"], sdgs: [2]),
        LabelledPassage(source: "cst-2024", first: 720, last: 720,
                        companies: ["visionblue"], places: ["zhejiang"], technologies: ["internet-of-things", "blockchain"], sdgs: [14]),
        LabelledPassage(source: "cmia-2021", first: 23, last: 23, companies: ["schneider-electric"]),
        LabelledPassage(source: "cmia-2021", first: 39, last: 39,
                        companies: ["hitachi-energy"], places: ["chengdu-chongqing-economic-circle", "chengdu", "chongqing"]),
        LabelledPassage(source: "cmia-2021", first: 2073, last: 2073,
                        companies: ["qualcomm", "tencent", "lenovo", "china-mobile"], places: ["chengdu", "chongqing"],
                        technologies: ["5g", "c-v2x", "satellite-navigation", "autonomous-driving", "intelligent-connected-vehicles"]),
        LabelledPassage(source: "cmia-2021", first: 2798, last: 2798,
                        companies: ["bp"], places: ["teesside", "united-kingdom"],
                        technologies: ["carbon-capture-utilisation-and-storage", "hydrogen", "hydrogen-storage"], sdgs: [13]),
        LabelledPassage(source: "cmia-2021", first: 3977, last: 3977,
                        companies: ["abb-chongqing-transformer", "hitachi-energy"], places: ["chongqing", "china", "sichuan", "beijing"],
                        technologies: ["ultra-high-voltage-transmission", "transformers-and-switchgear"]),
        LabelledPassage(source: "cmia-2024", first: 1522, last: 1522,
                        companies: ["cummins", "chongqing-cummins-engine-company"], places: ["china", "chongqing"],
                        technologies: ["intelligent-manufacturing", "industrial-internet-of-things", "internet-of-things", "industrial-robots", "batteries-and-energy-storage"]),
        LabelledPassage(source: "cmia-2021", first: 290, last: 290, companies: ["wind-information"]),
        LabelledPassage(source: "cmia-2024", first: 2379, last: 2379, technologies: ["wind-power", "solar-photovoltaics", "renewable-energy", "hydropower"], sdgs: [7]),
    ]
}
