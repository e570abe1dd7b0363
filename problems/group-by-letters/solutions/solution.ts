function groupByLetters(words: string[]): string[][] {
    const groups = new Map<string, string[]>();
    for (const w of words) {
        const key = w.split("").sort().join("");
        const group = groups.get(key);
        if (group) group.push(w);
        else groups.set(key, [w]);
    }
    return Array.from(groups.values());
}
