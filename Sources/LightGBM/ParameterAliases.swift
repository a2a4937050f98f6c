import Foundation

/// LightGBM's own alias table (`LGBM_DumpParamAliases`), inverted: every name → canonical name.
enum ParameterAliases {
    static func load(api: CAPI) throws -> [String: String] {
        let json = try dump(api: api)
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: [String]] else {
            throw LightGBMError.invalidArgument("LGBM_DumpParamAliases returned unreadable JSON")
        }
        var table: [String: String] = [:]
        for (canonical, aliases) in object {
            table[canonical] = canonical
            for alias in aliases { table[alias] = canonical }
        }
        return table
    }

    private static func dump(api: CAPI) throws -> String {
        var capacity: Int64 = 1 << 16
        while true {
            var needed: Int64 = 0
            var buffer = [CChar](repeating: 0, count: Int(capacity))
            let code = api.dumpParamAliases(capacity, &needed, &buffer)
            guard code == 0 else {
                let message = api.getLastError().map { String(cString: $0) } ?? "unknown error"
                throw LightGBMError.call(function: "LGBM_DumpParamAliases", message: message)
            }
            if needed <= capacity { return CText.string(buffer) }
            capacity = needed
        }
    }
}
