class Solution {
public:
    bool coursePlan(int courses, vector<vector<int>>& prerequisites) {
        vector<vector<int>> after(courses);
        vector<int> waiting(courses, 0);
        for (auto& p : prerequisites) {
            after[p[1]].push_back(p[0]);
            waiting[p[0]]++;
        }
        queue<int> ready;
        for (int i = 0; i < courses; i++) if (waiting[i] == 0) ready.push(i);
        int taken = 0;
        while (!ready.empty()) {
            int c = ready.front();
            ready.pop();
            taken++;
            for (int d : after[c]) if (--waiting[d] == 0) ready.push(d);
        }
        return taken == courses;
    }
};
