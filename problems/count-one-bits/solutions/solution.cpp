class Solution {
public:
    int countOneBits(long long n) {
        unsigned long long x = n;
        int count = 0;
        while (x) {
            x &= x - 1;
            count++;
        }
        return count;
    }
};
