import "math"

func medianOfTwoSorted(a []int, b []int) float64 {
	if len(a) > len(b) {
		a, b = b, a
	}
	n, m := len(a), len(b)
	half, lo, hi := (n+m+1)/2, 0, n
	at := func(s []int, k int) float64 {
		if k < 0 {
			return math.Inf(-1)
		}
		if k >= len(s) {
			return math.Inf(1)
		}
		return float64(s[k])
	}
	for {
		i := (lo + hi) / 2
		j := half - i
		al, ar, bl, br := at(a, i-1), at(a, i), at(b, j-1), at(b, j)
		if al <= br && bl <= ar {
			left := math.Max(al, bl)
			if (n+m)%2 == 1 {
				return left
			}
			return (left + math.Min(ar, br)) / 2
		}
		if al > br {
			hi = i - 1
		} else {
			lo = i + 1
		}
	}
}
