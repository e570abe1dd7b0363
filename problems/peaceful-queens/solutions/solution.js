function peacefulQueens(n) {
    const full = (1 << n) - 1;
    const place = (cols, left, right) => {
        if (cols === full) return 1;
        let count = 0, free = full & ~(cols | left | right);
        while (free) {
            const bit = free & -free;
            free ^= bit;
            count += place(cols | bit, ((left | bit) << 1) & full, (right | bit) >> 1);
        }
        return count;
    };
    return place(0, 0, 0);
}
