function balancedBrackets(s: string): boolean {
    const match: Record<string, string> = { ")": "(", "]": "[", "}": "{" };
    const stack: string[] = [];
    for (const c of s) {
        if (!(c in match)) stack.push(c);
        else if (stack.pop() !== match[c]) return false;
    }
    return stack.length === 0;
}
