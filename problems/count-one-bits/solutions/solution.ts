function countOneBits(n: number): number {
    let x = BigInt.asUintN(64, BigInt(n));
    let count = 0;
    while (x > 0n) {
        x &= x - 1n;
        count++;
    }
    return count;
}
