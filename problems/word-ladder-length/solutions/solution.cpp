class Solution {
public:
    int wordLadderLength(string begin, string end, vector<string>& words) {
        if (find(words.begin(), words.end(), end) == words.end()) return 0;
        unordered_map<string, vector<string>> buckets;
        for (const string& w : words)
            for (size_t i = 0; i < w.size(); i++) buckets[w.substr(0, i) + "*" + w.substr(i + 1)].push_back(w);
        unordered_set<string> seen{begin};
        vector<string> level{begin};
        int steps = 1;
        while (!level.empty()) {
            steps++;
            vector<string> next;
            for (const string& w : level) {
                for (size_t i = 0; i < w.size(); i++) {
                    auto it = buckets.find(w.substr(0, i) + "*" + w.substr(i + 1));
                    if (it == buckets.end()) continue;
                    for (const string& v : it->second) {
                        if (v == end) return steps;
                        if (seen.insert(v).second) next.push_back(v);
                    }
                    buckets.erase(it);
                }
            }
            level = next;
        }
        return 0;
    }
};
