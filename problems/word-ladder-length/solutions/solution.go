func wordLadderLength(begin string, end string, words []string) int {
	found := false
	buckets := map[string][]string{}
	for _, w := range words {
		if w == end {
			found = true
		}
		for i := range w {
			key := w[:i] + "*" + w[i+1:]
			buckets[key] = append(buckets[key], w)
		}
	}
	if !found {
		return 0
	}
	seen := map[string]bool{begin: true}
	level := []string{begin}
	steps := 1
	for len(level) > 0 {
		steps++
		next := []string{}
		for _, w := range level {
			for i := range w {
				key := w[:i] + "*" + w[i+1:]
				for _, v := range buckets[key] {
					if v == end {
						return steps
					}
					if !seen[v] {
						seen[v] = true
						next = append(next, v)
					}
				}
				delete(buckets, key)
			}
		}
		level = next
	}
	return 0
}
