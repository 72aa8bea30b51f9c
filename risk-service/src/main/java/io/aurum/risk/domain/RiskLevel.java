package io.aurum.risk.domain;

/**
 * Client risk tolerance C1–C5 and the highest product risk rating (R1–R5) each may buy
 * (product brief, Risk profiling and suitability). Banks that speak of three types see
 * C1–C2 as conservative, C3 as steady and C4–C5 as aggressive.
 */
public enum RiskLevel {
    C1("保守型", "Conservative", 1, ThreeTypeView.CONSERVATIVE),
    C2("稳健型", "Cautious", 2, ThreeTypeView.CONSERVATIVE),
    C3("平衡型", "Balanced", 3, ThreeTypeView.STEADY),
    C4("成长型", "Growth", 4, ThreeTypeView.AGGRESSIVE),
    C5("进取型", "Aggressive", 5, ThreeTypeView.AGGRESSIVE);

    public enum ThreeTypeView { CONSERVATIVE, STEADY, AGGRESSIVE }

    private final String nameZh;
    private final String nameEn;
    private final int maxProductRisk;
    private final ThreeTypeView threeTypeView;

    RiskLevel(String nameZh, String nameEn, int maxProductRisk, ThreeTypeView threeTypeView) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.maxProductRisk = maxProductRisk;
        this.threeTypeView = threeTypeView;
    }

    /** The core suitability rule: a product's risk rating must not exceed the client's level. */
    public boolean mayBuy(int productRiskRating) {
        if (productRiskRating < 1 || productRiskRating > 5) {
            throw new IllegalArgumentException("Product risk rating must be R1–R5, was R" + productRiskRating);
        }
        return productRiskRating <= maxProductRisk;
    }

    /** What the level may buy, as front ends show it: "R1" for C1, "R1–R3" for C3. */
    public String mayBuyLabel() {
        return maxProductRisk == 1 ? "R1" : "R1–R" + maxProductRisk;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }

    public int maxProductRisk() {
        return maxProductRisk;
    }

    public ThreeTypeView threeTypeView() {
        return threeTypeView;
    }
}
