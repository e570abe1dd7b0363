class Solution {
public:
    vector<vector<string>> groupByLetters(vector<string>& words) {
        unordered_map<string, int> index;
        vector<vector<string>> groups;
        for (const string& w : words) {
            string key = w;
            sort(key.begin(), key.end());
            auto it = index.find(key);
            if (it == index.end()) {
                index[key] = groups.size();
                groups.push_back({w});
            } else {
                groups[it->second].push_back(w);
            }
        }
        return groups;
    }
};
