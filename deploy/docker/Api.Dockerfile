# An API node: REST, the SignalR hub and the consoles, an Orleans client of the silos.
# Build from the repository root: docker build -f deploy/docker/Api.Dockerfile -t broadcart/api .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# The consoles' browser libraries come from npm at build time.
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN dotnet publish src/Api/Broadcart.Api.csproj -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_URLS=http://+:8080 \
    Orleans__Mode=Client \
    Orleans__Membership=Redis \
    Auth__DevTokens=false
EXPOSE 8080
USER app
ENTRYPOINT ["dotnet", "Broadcart.Api.dll"]
