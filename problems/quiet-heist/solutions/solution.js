function quietHeist(houses) {
    let take = 0, skip = 0;
    for (const h of houses) [take, skip] = [skip + h, Math.max(take, skip)];
    return Math.max(take, skip);
}
