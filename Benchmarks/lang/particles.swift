// 2,000 particles as structs in an array, 100 steps of a mutating update (bouncing in a box).
struct Particle {
    var x: Double
    var y: Double
    var vx: Double
    var vy: Double

    mutating func step(_ dt: Double) {
        x += vx * dt
        y += vy * dt
        if x < 0 || x > 1 { vx = -vx }
        if y < 0 || y > 1 { vy = -vy }
    }
}

var particles: [Particle] = []
for i in 0..<2000 {
    let f = Double(i)
    particles.append(Particle(x: (f * 0.37).truncatingRemainder(dividingBy: 1), y: (f * 0.61).truncatingRemainder(dividingBy: 1),
                              vx: (f * 0.13).truncatingRemainder(dividingBy: 1) - 0.5, vy: (f * 0.29).truncatingRemainder(dividingBy: 1) - 0.5))
}
for _ in 0..<100 {
    for i in 0..<particles.count { particles[i].step(0.01) }
}
var sx = 0.0
for p in particles { sx += p.x + p.y }
print(Int(sx * 1000))
