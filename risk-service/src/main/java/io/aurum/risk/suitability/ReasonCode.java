package io.aurum.risk.suitability;

/** Machine-readable reasons of a suitability check, with their human text in Chinese and English. */
public enum ReasonCode {
    PROFILE_MISSING("客户尚未完成风险测评，请先进行风险测评", "The client has no risk profile; run a risk assessment first"),
    PROFILE_EXPIRED("客户风险测评已过期，请重新测评", "The client's risk profile has expired; reassess the client"),
    RISK_ABOVE_LEVEL("产品风险等级高于客户风险承受能力", "The product's risk rating is above the client's risk level"),
    EXCEPTION_APPROVED("客户已确认超风险等级购买，并经合规审批", "Above the client's level, acknowledged by the client and approved by compliance"),
    ELDERLY_HIGH_RISK("客户年满65周岁，购买R4及以上产品需额外确认", "The client is 65 or over: R4 and above need an extra confirmation"),
    CONCENTRATION_SINGLE_PRODUCT("单一产品占客户资产比例超过上限", "One product would exceed the cap on the client's assets"),
    CONCENTRATION_HIGH_RISK("高风险（R4、R5）产品占比超过该风险等级上限", "High-risk (R4, R5) products would exceed the share allowed for the client's level"),
    LOCKUP_EXCEEDS_HORIZON("产品封闭期长于客户的投资期限", "The product's lock-up is longer than the client's investment horizon"),
    AUM_UNKNOWN("客户资产数据暂缺，未检查集中度", "The client's assets are not known yet; concentration was not checked"),
    HORIZON_UNKNOWN("客户投资期限未知，无法比对封闭期", "The client's investment horizon is unknown; the lock-up cannot be compared"),
    QUALIFIED_INVESTOR_REQUIRED("该产品仅面向合格投资者，客户未达到合格投资者标准", "Qualified investors only: the client does not meet the bar"),
    COOLING_OFF_APPLIES("私募产品适用24小时冷静期", "Private products carry a cooling-off period"),
    INVALID_RATING("产品风险等级无效", "The product's risk rating is not R1–R5");

    private final String textZh;
    private final String textEn;

    ReasonCode(String textZh, String textEn) {
        this.textZh = textZh;
        this.textEn = textEn;
    }

    public String textZh() {
        return textZh;
    }

    public String textEn() {
        return textEn;
    }
}
