import { zonesContainingSites } from '../workers/analysis/index';
import { whichPolygonMatches, whichPolygonOf } from './peers';
import { hazardZones, pointFeatures, randomPositions } from './workloads';
const [S, Z, V] = (process.argv[2] ?? '20000,300,100').split(',').map(Number);
const zones = hazardZones(Z!, V!, 10);
const sites = pointFeatures(randomPositions(S!, 11, zones.features.map((z) => z.geometry), 0.01));
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const ours: number[] = []; const which: number[] = [];
for (let i = 0; i < Number(process.env.N ?? 15); i++) {
  let c = cpu(); zonesContainingSites(sites, zones); ours.push(cpu() - c);
  c = cpu(); whichPolygonMatches(sites, whichPolygonOf(zones)); which.push(cpu() - c);
}
const med = (a: number[]) => { const s = a.slice(-8).sort((x, y) => x - y); return ((s[3]! + s[4]!) / 2).toFixed(1); };
console.log(process.argv[2], 'ours', med(ours), 'which', med(which), 'first ours', ours[0]!.toFixed(0));
