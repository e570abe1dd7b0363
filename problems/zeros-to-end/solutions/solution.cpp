class Solution {
public:
    void zerosToEnd(vector<int>& nums) {
        size_t write = 0;
        for (size_t i = 0; i < nums.size(); i++) {
            if (nums[i] != 0) swap(nums[write++], nums[i]);
        }
    }
};
