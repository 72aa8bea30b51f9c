package io.aurum.advisory.planning;

import java.util.ArrayList;
import java.util.List;

/**
 * The risk disclosure shown with a proposal, in Chinese and English: the standard warning, then what applies to these
 * lines — the highest product risk against the client's level, lock-ups, qualified-investor and private products
 * (cooling-off), and non-guaranteed yields. Pure.
 */
public final class RiskDisclosure {

    public record Line(String code, int riskRating, int lockupDays, boolean qualifiedInvestorOnly, boolean privateProduct,
                       boolean statedYield) {
    }

    /**
     * The version of the disclosure's wording; a client's acknowledgement names the version it was shown, so raise it
     * whenever the wording below changes.
     */
    public static final String VERSION = "RD-2026-1";

    public record Text(String zh, String en, String version) {
    }

    private RiskDisclosure() {
    }

    public static Text of(String clientLevel, List<Line> lines) {
        List<String> zh = new ArrayList<>();
        List<String> en = new ArrayList<>();
        zh.add("理财非存款，产品有风险，投资须谨慎。过往业绩不代表未来表现，预期收益不构成收益承诺。");
        en.add("Investments are not deposits and carry risk; invest with care. Past performance does not predict future "
                + "results, and expected yields are not a promise of returns.");
        int highest = lines.stream().mapToInt(Line::riskRating).max().orElse(0);
        if (highest > 0) {
            zh.add("本建议中产品最高风险等级为R" + highest + "，客户风险承受能力等级为" + clientLevel + "。");
            en.add("The highest product risk in this proposal is R" + highest + "; the client's risk level is " + clientLevel + ".");
        }
        if (highest >= 4) {
            zh.add("R4及以上产品可能出现较大幅度亏损，甚至损失全部本金。");
            en.add("R4 and higher products can lose a large part, or all, of the money invested.");
        }
        int lockup = lines.stream().mapToInt(Line::lockupDays).max().orElse(0);
        if (lockup > 0) {
            zh.add("部分产品设有封闭期（最长" + lockup + "天），封闭期内不能赎回。");
            en.add("Some products are locked up (up to " + lockup + " days) and cannot be redeemed during the lock-up.");
        }
        if (lines.stream().anyMatch(Line::qualifiedInvestorOnly)) {
            zh.add("部分产品仅面向合格投资者，购买前须确认合格投资者身份。");
            en.add("Some products are for qualified investors only; the client's status must be confirmed before buying.");
        }
        if (lines.stream().anyMatch(Line::privateProduct)) {
            zh.add("私募产品设有不少于24小时的投资冷静期，冷静期内可解除合同。");
            en.add("Private products carry a cooling-off period of at least 24 hours during which the client may withdraw.");
        }
        if (lines.stream().anyMatch(l -> !l.statedYield())) {
            zh.add("部分产品未设业绩比较基准，收益随市场波动。");
            en.add("Some products state no expected yield; their returns move with the market.");
        }
        return new Text(String.join("", zh), String.join(" ", en), VERSION);
    }
}
