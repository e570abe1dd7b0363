function bestTrade(prices) {
    let low = prices[0], best = 0;
    for (const p of prices) {
        best = Math.max(best, p - low);
        low = Math.min(low, p);
    }
    return best;
}
