function sumCombinations(candidates, target) {
    const cands = [...candidates].sort((a, b) => a - b), out = [], current = [];
    const backtrack = (start, remaining) => {
        if (remaining === 0) { out.push([...current]); return; }
        for (let i = start; i < cands.length && cands[i] <= remaining; i++) {
            current.push(cands[i]);
            backtrack(i, remaining - cands[i]);
            current.pop();
        }
    };
    backtrack(0, target);
    return out;
}
