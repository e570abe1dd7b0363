func zerosToEnd(nums []int) {
	write := 0
	for i, v := range nums {
		if v != 0 {
			nums[write], nums[i] = v, nums[write]
			write++
		}
	}
}
