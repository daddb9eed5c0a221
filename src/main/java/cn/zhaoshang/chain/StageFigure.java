package cn.zhaoshang.chain;

import java.math.BigDecimal;

/** How many records of a kind stand at a stage (or status) and their amount (10,000 yuan). */
public record StageFigure(String stage, String stageKey, long count, BigDecimal amount) {
}
