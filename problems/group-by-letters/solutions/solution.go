import "sort"

func groupByLetters(words []string) [][]string {
	index := map[string]int{}
	groups := [][]string{}
	for _, w := range words {
		b := []byte(w)
		sort.Slice(b, func(i, j int) bool { return b[i] < b[j] })
		key := string(b)
		if k, ok := index[key]; ok {
			groups[k] = append(groups[k], w)
		} else {
			index[key] = len(groups)
			groups = append(groups, []string{w})
		}
	}
	return groups
}
