import Breeze
import Foundation
import MarketData

/// JSON bodies in Breeze's body-status style.
enum SandboxAnswers {
    static func failure(status: Int, _ message: String) -> String {
        "{\"Success\":null,\"Status\":\(status),\"Error\":\(jsonString(message))}"
    }

    static let quota = failure(status: 5, "Limit exceed: API call per day: ")
    static let empty = "{\"Success\":[],\"Status\":200,\"Error\":null}"

    static func customerDetails(sessionToken: String) -> String {
        """
        {"Success":{"exg_trade_date":{"NSE":"","BSE":"","FNO":"","NDX":""},"exg_status":{"NSE":"O","BSE":"O","FNO":"O","NDX":"O"},\
        "segments_allowed":{"Trading":"Y","Equity":"Y","Derivatives":"N","Currency":"N"},"idirect_userid":"\(SandboxSessions.userID)",\
        "session_token":"\(sessionToken)","idirect_user_name":"Sandbox User","idirect_ORD_TYP":"","idirect_lastlogin_time":"",\
        "mf_holding_mode_popup_flg":"N","commodity_exchange_status":"N","commodity_trade_date":"","commodity_allowed":"N"},\
        "Status":200,"Error":null}
        """
    }

    /// A historical v2 answer: one object per candle, keys as Breeze sends them.
    static func candles(_ series: BarSeries, range: Range<Int>, stockCode: String, numbersAsStrings: Bool) -> String {
        var out = "{\"Success\":["
        out.reserveCapacity(range.count * 170 + 40)
        let code = jsonString(stockCode)
        for i in range {
            if i != range.lowerBound { out += "," }
            out += "{\"close\":\(number(series.close[i], numbersAsStrings)),\"datetime\":\"\(BreezeTimestamp.answerDateTime(series.timestamps[i]))\","
            out += "\"exchange_code\":\"NSE\",\"high\":\(number(series.high[i], numbersAsStrings)),\"low\":\(number(series.low[i], numbersAsStrings)),"
            out += "\"open\":\(number(series.open[i], numbersAsStrings)),\"stock_code\":\(code),\"volume\":\(count(series.volume[i], numbersAsStrings))}"
        }
        return out + "],\"Status\":200,\"Error\":null}"
    }

    private static func number(_ value: Double, _ asString: Bool) -> String {
        asString ? "\"\(value)\"" : String(value)
    }

    private static func count(_ value: Double, _ asString: Bool) -> String {
        let text = abs(value) < 1e15 ? String(Int64(value.rounded())) : String(value)
        return asString ? "\"\(text)\"" : text
    }

    static func jsonString(_ s: String) -> String {
        String(decoding: try! JSONEncoder().encode(s), as: UTF8.self)
    }
}
