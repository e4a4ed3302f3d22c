import { runBotBench } from './bot.js';
const r = await runBotBench({ chats: 16, seconds: Number(process.env.S ?? 10), warmupSeconds: 3 });
console.log(JSON.stringify({ ups: Math.round(r.updatesPerSecond), cpu: Math.round(r.cpuMicrosPerUpdate), exact: r.totalsExact, recorded: r.recorded, updates: r.updates }));
