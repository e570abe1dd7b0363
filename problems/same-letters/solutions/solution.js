function sameLetters(a, b) {
    if (a.length !== b.length) return false;
    const counts = new Array(26).fill(0);
    for (let i = 0; i < a.length; i++) {
        counts[a.charCodeAt(i) - 97]++;
        counts[b.charCodeAt(i) - 97]--;
    }
    return counts.every((c) => c === 0);
}
