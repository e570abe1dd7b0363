func coursePlan(courses int, prerequisites [][]int) bool {
	after := make([][]int, courses)
	waiting := make([]int, courses)
	for _, p := range prerequisites {
		after[p[1]] = append(after[p[1]], p[0])
		waiting[p[0]]++
	}
	ready := []int{}
	for i := 0; i < courses; i++ {
		if waiting[i] == 0 {
			ready = append(ready, i)
		}
	}
	taken := 0
	for len(ready) > 0 {
		c := ready[0]
		ready = ready[1:]
		taken++
		for _, d := range after[c] {
			waiting[d]--
			if waiting[d] == 0 {
				ready = append(ready, d)
			}
		}
	}
	return taken == courses
}
