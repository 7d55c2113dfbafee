# Quotewire container image: built with Maven, run on a Java 17 runtime as a non-root user.
# The embedded PostgreSQL is the zero-setup default on a laptop; a container always talks to a real server, so the
# image is built without its binaries (-Dno-embedded-db). It expects an external PostgreSQL (QUARKUS_DATASOURCE_JDBC_URL, _USERNAME, _PASSWORD); see docker-compose.yml.

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
COPY pom.xml .
COPY .mvn .mvn
RUN mvn -B -ntp -q -Dno-embedded-db dependency:go-offline
COPY src src
COPY openapi.yaml .
RUN mvn -B -ntp -q -Dno-embedded-db package -DskipTests

FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /app quotewire
WORKDIR /app
COPY --from=build --chown=quotewire /build/target/quarkus-app/lib/ lib/
COPY --from=build --chown=quotewire /build/target/quarkus-app/*.jar ./
COPY --from=build --chown=quotewire /build/target/quarkus-app/app/ app/
COPY --from=build --chown=quotewire /build/target/quarkus-app/quarkus/ quarkus/
USER 10001
EXPOSE 8080
# Heap at the JVM's default quarter of the container's memory (128 MB in the manifests' 512Mi): the service keeps about
# 40 MB live under load, and its non-heap memory (metaspace, code, symbols, threads) is about 190 MB more. At 50 % the
# process reached 513 MB under load (benchmarks/RESULTS.md), at the 512Mi limit. The serial collector, which the JVM
# would choose itself for the manifests' one CPU, without G1's 40 MB of bookkeeping. The C heap trimmed every second:
# glibc keeps what the JIT's compilations and the threads freed, 25-35 MB at the peak under load (docs/BENCHMARKS.md).
ENV JAVA_OPTS="-XX:MaxRAMPercentage=25 -XX:+UseSerialGC -XX:TrimNativeHeapInterval=1000 -Djava.util.logging.manager=org.jboss.logmanager.LogManager" \
    QUARKUS_HTTP_HOST=0.0.0.0
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
    CMD curl -fsS http://localhost:8080/q/health/ready || exit 1
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar quarkus-run.jar"]
