func countOneBits(n int64) int {
	x := uint64(n)
	count := 0
	for x != 0 {
		x &= x - 1
		count++
	}
	return count
}
